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

// Search suggestions as the reader types: plain links under the box (the form works without them).
document.querySelectorAll("input[data-autocomplete]").forEach((input) => {
  const box = document.createElement("div");
  box.className = "suggestions";
  box.id = `${input.id}-suggestions`;
  box.setAttribute("aria-live", "polite");
  input.form.append(box);
  let timer;
  let asked = "";
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const query = input.value.trim();
      if (query.length < 2) { box.replaceChildren(); return; }
      asked = query;
      try {
        const response = await fetch(`${input.dataset.autocomplete}?q=${encodeURIComponent(query)}`);
        const data = await response.json();
        if (asked !== query) return;
        const list = document.createElement("ul");
        data.results.forEach((result) => {
          const link = document.createElement("a");
          link.href = result.url;
          link.textContent = result.title;
          const item = document.createElement("li");
          item.append(link);
          list.append(item);
        });
        box.replaceChildren(...(data.results.length ? [list] : []));
      } catch (error) {
        box.replaceChildren();
      }
    }, 150);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") box.replaceChildren();
  });
});
