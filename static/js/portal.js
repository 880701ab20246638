// Small progressive enhancements; every page works without JavaScript.
document.documentElement.classList.add("js");
document.addEventListener("change", (event) => {
  const select = event.target.closest("select.autosubmit");
  if (select && select.form) select.form.submit();
});
// Buttons and links with data-confirm ask before a destructive action.
document.addEventListener("click", (event) => {
  const element = event.target.closest("[data-confirm]");
  if (element && !window.confirm(element.dataset.confirm)) event.preventDefault();
});
// Copy buttons: <button data-copy="#id">. With data-copied="Copied", the button (or its
// .copy-label) says so for two seconds.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source || !navigator.clipboard) return;
  navigator.clipboard.writeText(source.textContent.trim()).then(() => {
    if (!button.dataset.copied) return;
    const label = button.querySelector(".copy-label") || button;
    if (label.dataset.label === undefined) label.dataset.label = label.textContent;
    label.textContent = button.dataset.copied;
    setTimeout(() => { label.textContent = label.dataset.label; }, 2000);
  });
});
// The compact menu on small screens: the button shows and hides it (CSS hides the button
// where the menu fits, and without JavaScript the menu simply wraps).
document.addEventListener("click", (event) => {
  const button = event.target.closest(".menu-toggle");
  if (!button) return;
  const menu = document.getElementById(button.getAttribute("aria-controls"));
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  menu.classList.toggle("open", open);
});
// A table that scrolls sideways in its own box can be scrolled with the keyboard too.
function focusableScrollBoxes() {
  for (const box of document.querySelectorAll(".overflow-auto")) {
    if (box.scrollWidth > box.clientWidth) box.setAttribute("tabindex", "0");
    else box.removeAttribute("tabindex");
  }
}
document.addEventListener("DOMContentLoaded", focusableScrollBoxes);
window.addEventListener("resize", focusableScrollBoxes);
document.addEventListener("htmx:afterSwap", focusableScrollBoxes);
