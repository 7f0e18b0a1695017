/*
 * Names for two of Wagtail's admin widgets that have none (Wagtail 8.0), found by axe:
 *
 * - the rich text editors (Draftail's role="textbox"), whose label is for the hidden
 *   input that holds the text, get the field's label, or in a StreamField the block's
 *   type ("Stycke"), as their name (aria-input-field-name);
 * - the minimap's list, which scrolls while its links are out of the tab order, can
 *   be focused and scrolled from the keyboard, named as the minimap is
 *   (scrollable-region-focusable).
 *
 * Wagtail draws and redraws both after the page has loaded, so they are named again
 * whenever the page changes. Loaded on every admin page (home/wagtail_hooks.py). The
 * avatars of the others editing a page get their names in a template
 * (templates/wagtailadmin/shared/editing_sessions/list.html).
 */
(() => {
  "use strict";

  let counter = 0;

  const isNamed = (element) =>
    element.hasAttribute("aria-label") || element.hasAttribute("aria-labelledby");

  const idOf = (element) => {
    if (!element.id) {
      counter += 1;
      element.id = `home-a11y-name-${counter}`;
    }
    return element.id;
  };

  const text = (element) => element.textContent.replace(/\s+/g, " ").trim();

  function nameRichTextEditors() {
    document
      .querySelectorAll('.public-DraftEditor-content[role="textbox"]')
      .forEach((box) => {
        if (isNamed(box)) return;
        const wrapper = box.closest(".Draftail-Editor__wrapper");
        const input = wrapper?.parentElement.querySelector('input[type="hidden"]');
        let label = null;
        if (input?.id) {
          label =
            document.querySelector(`label[for="${CSS.escape(input.id)}"]`) ||
            document.getElementById(`${input.id}-label`);
        }
        if (!label) {
          label = box.closest("section")?.querySelector(".c-sf-block__type") || null;
        }
        if (label && text(label)) box.setAttribute("aria-labelledby", idOf(label));
      });
  }

  function makeMinimapFocusable() {
    document.querySelectorAll(".w-minimap__list").forEach((list) => {
      if (list.hasAttribute("tabindex")) return;
      list.setAttribute("tabindex", "0");
      const minimap = list.closest("[aria-label]");
      if (minimap && !isNamed(list)) {
        list.setAttribute("aria-label", minimap.getAttribute("aria-label"));
      }
    });
  }

  function nameAll() {
    nameRichTextEditors();
    makeMinimapFocusable();
  }

  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(() => {
      scheduled = false;
      nameAll();
    });
  };

  const start = () => {
    nameAll();
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
