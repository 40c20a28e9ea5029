// The reader's light/dark choice, shared by the site header and the slide decks.
export const THEME_KEY = "ru-theme";

export function toggleTheme(): "light" | "dark" {
  const root = document.documentElement;
  const next = root.dataset.theme === "dark" ? "light" : "dark";
  root.dataset.theme = next;
  try {
    localStorage.setItem(THEME_KEY, next);
  } catch {
    // Storage can be disabled (private mode); the theme then lasts for this page only.
  }
  return next;
}
