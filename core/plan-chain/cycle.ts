/**
 * Linking `childPlanId` under a parent would make a cycle when the child is
 * the parent itself or one of its ancestors (`parentAncestorIds`: the parent
 * first, then its parent, up to the top).
 */
export function wouldMakeCycle(childPlanId: number, parentAncestorIds: readonly number[]): boolean {
  return parentAncestorIds.includes(childPlanId);
}
