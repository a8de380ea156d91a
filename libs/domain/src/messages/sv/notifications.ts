/** Swedish (klarspråk): the notifications area's messages. */
export const notifications = {
  // ---- Refusals.
  notificationNotFound: 'Vi hittar ingen avisering med id {{id}} bland dina aviseringar.',
  // ---- End of refusals.
} as const;
