// Enhancements only: every page works without this file.
import { initAll } from "/assets/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// The home page's map: changing the date or the area redraws the map in place (the form still
// works without JavaScript), and the address keeps the choice so it can be shared.
const form = document.getElementById("map-form");
if (form) {
  const redraw = async () => {
    const params = new URLSearchParams(new FormData(document.getElementById("map-form")));
    const url = "/?" + params.toString();
    const response = await fetch(url, { headers: { Accept: "text/html" } });
    if (!response.ok) { window.location.assign(url); return; }
    const doc = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const id of ["map-heading", "map-body", "counts-section"]) {
      const fresh = doc.getElementById(id), current = document.getElementById(id);
      if (fresh && current) current.replaceWith(fresh);
    }
    history.replaceState(null, "", url);
    document.title = doc.title;
  };
  const wire = () => {
    const f = form;
    f.addEventListener("submit", (e) => { e.preventDefault(); redraw(); });
    for (const input of f.querySelectorAll("input[type=date], select")) input.addEventListener("change", () => {
      if (input.type !== "date" || input.checkValidity()) redraw();
    });
  };
  wire();
}
