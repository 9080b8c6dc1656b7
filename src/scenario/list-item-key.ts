/**
 * The name of an item of a scenario list in a stable path: its `id` when it has one (stages,
 * feeds, products, …), else its position — so `stages.smelter.capex.factor` still names the
 * same input when the list is reordered.
 */
export function listItemKey(item: unknown, index: number): string {
  return typeof item === 'object' &&
    item !== null &&
    typeof (item as { id?: unknown }).id === 'string'
    ? (item as { id: string }).id
    : String(index);
}
