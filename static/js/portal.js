// Small progressive enhancements; every page works without JavaScript.
document.documentElement.classList.add("js");
document.addEventListener("change", (event) => {
  const select = event.target.closest("select.autosubmit");
  if (select && select.form) select.form.submit();
});
