// Runs before the page is drawn (not deferred, and tiny): styles meant for pages with
// JavaScript apply from the first paint, so the phone menu does not flash open.
document.documentElement.classList.add("js");
