/**
 * Escapes text for HTML element content and quoted attribute values (& < > " ').
 *
 * @param text - Any text (scenario names, sources, notes come from users).
 * @returns The text with the five special characters replaced by entities.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
