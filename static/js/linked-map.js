// The linked list's sites on a map (Leaflet, vendored). Without tiles (offline) the map
// stays grey but the markers and their labels still show where the sites are.
(function () {
  const element = document.getElementById("linked-map");
  const data = document.getElementById("linked-points");
  if (!element || !data || !window.L) return;
  const points = JSON.parse(data.textContent);
  if (!points.length) { element.hidden = true; return; }
  const map = L.map(element);
  L.tileLayer(element.dataset.tiles, { maxZoom: 18, attribution: "&copy; OpenStreetMap" }).addTo(map);
  const markers = points.map((p) => {
    const marker = L.marker([p.lat, p.lon]).addTo(map);
    const label = document.createElement("span");
    label.textContent = p.name + " – " + p.company;  // text, never HTML
    marker.bindPopup(label);
    return marker;
  });
  map.fitBounds(L.featureGroup(markers).getBounds().pad(0.2), { maxZoom: 10 });
})();
