// Enhancements only: the site works fully without this file.
// Close the language list when a reader presses Escape or clicks elsewhere.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".languages details[open]").forEach((details) => {
    details.open = false;
    details.querySelector("summary").focus();
  });
});
document.addEventListener("click", (event) => {
  document.querySelectorAll(".languages details[open]").forEach((details) => {
    if (!details.contains(event.target)) details.open = false;
  });
});

// On narrow screens, fold the main menu behind a "Menu" button (it stays open without JavaScript).
(() => {
  const nav = document.querySelector(".main-nav");
  const toggle = nav && nav.querySelector(".menu-toggle");
  if (!toggle) return;
  const narrow = window.matchMedia("(max-width: 40rem)");
  const apply = () => {
    toggle.hidden = !narrow.matches;
    nav.classList.toggle("is-collapsible", narrow.matches);
    if (!narrow.matches) nav.classList.remove("is-open");
    toggle.setAttribute("aria-expanded", String(nav.classList.contains("is-open")));
  };
  toggle.addEventListener("click", () => {
    nav.classList.toggle("is-open");
    toggle.setAttribute("aria-expanded", String(nav.classList.contains("is-open")));
  });
  narrow.addEventListener("change", apply);
  apply();
})();
