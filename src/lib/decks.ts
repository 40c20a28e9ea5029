// Where a module's slide deck lives (`/slides/<module>/`), beside moduleUrl().
export function deckUrl(id: string): string {
  return `${import.meta.env.BASE_URL}slides/${id}/`;
}

export function decksIndexUrl(): string {
  return `${import.meta.env.BASE_URL}slides/`;
}

/** "75 min", "1 h", "1 h 30 min": teaching times as instructors say them. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
