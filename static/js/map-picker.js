// Coordinates picked on a map (Leaflet, vendored). Without tiles (offline) the map stays
// grey but clicking still picks a point; typed coordinates always work and move the marker.
(function () {
  const element = document.getElementById("map-picker");
  if (!element || !window.L) return;
  const latitude = document.getElementById(element.dataset.latitude);
  const longitude = document.getElementById(element.dataset.longitude);
  const start = [parseFloat(latitude.value) || 22, parseFloat(longitude.value) || 78];
  const map = L.map(element).setView(start, latitude.value ? 9 : 3);
  L.tileLayer(element.dataset.tiles, {
    maxZoom: 18,
    attribution: "&copy; OpenStreetMap",
  }).addTo(map);
  let marker = latitude.value && longitude.value ? L.marker(start).addTo(map) : null;
  function place(lat, lon) {
    if (marker) marker.setLatLng([lat, lon]);
    else marker = L.marker([lat, lon]).addTo(map);
  }
  map.on("click", (event) => {
    latitude.value = event.latlng.lat.toFixed(6);
    longitude.value = L.Util.wrapNum(event.latlng.lng, [-180, 180], true).toFixed(6);
    place(latitude.value, longitude.value);
  });
  function typed() {
    const lat = parseFloat(latitude.value.replace(",", "."));
    const lon = parseFloat(longitude.value.replace(",", "."));
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      place(lat, lon);
      map.setView([lat, lon], Math.max(map.getZoom(), 9));
    }
  }
  latitude.addEventListener("change", typed);
  longitude.addEventListener("change", typed);
})();
