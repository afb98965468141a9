/** Request and response of the supervision actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SupervisionActions {}
