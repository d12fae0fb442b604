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

// "Copy code" beside each embed snippet: shown only where the clipboard can be written.
for (const button of document.querySelectorAll("button.app-copy")) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const text = document.getElementById(button.dataset.copy).innerText;
    const status = button.nextElementSibling;
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = "Copied";
      status.textContent = "Code copied to the clipboard";
    } catch {
      status.textContent = "Could not copy: select the code and copy it";
    }
  });
}

// A table box that scrolls sideways says so above it (the shadows at its edge say it too, without a script).
const hintScrolling = () => {
  for (const box of document.querySelectorAll(".app-table-scroll")) {
    const overflows = box.scrollWidth > box.clientWidth + 1;
    let hint = box.previousElementSibling?.classList.contains("app-scroll-hint") ? box.previousElementSibling : null;
    if (overflows && !hint) {
      hint = document.createElement("p");
      hint.className = "govuk-body-s app-muted app-scroll-hint";
      hint.textContent = "Scroll the table sideways to see every column";
      box.before(hint);
    }
    if (hint) hint.hidden = !overflows;
  }
};
hintScrolling();
window.addEventListener("resize", hintScrolling);
document.addEventListener("toggle", hintScrolling, true);
new MutationObserver(hintScrolling).observe(document.body, { childList: true, subtree: true });
