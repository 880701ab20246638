// Points on a map (Leaflet, vendored): every element with class "map" and a data-points
// attribute naming the json_script that holds [{lat, lon, label}]. Without tiles
// (offline) the map stays grey but the markers and their labels still show.
(function () {
  if (!window.L) return;
  document.querySelectorAll(".map[data-points]").forEach((element) => {
    const data = document.getElementById(element.dataset.points);
    if (!data) return;
    const points = JSON.parse(data.textContent);
    if (!points.length) { element.hidden = true; return; }
    const map = L.map(element);
    L.tileLayer(element.dataset.tiles, { maxZoom: 18, attribution: "&copy; OpenStreetMap" }).addTo(map);
    const markers = points.map((p) => {
      const marker = L.marker([p.lat, p.lon]).addTo(map);
      const label = document.createElement("span");
      label.textContent = p.label;  // text, never HTML
      marker.bindPopup(label);
      return marker;
    });
    map.fitBounds(L.featureGroup(markers).getBounds().pad(0.2), { maxZoom: 10 });
  });
})();
