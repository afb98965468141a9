/** Request and response of the notifications actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NotificationsActions {}
