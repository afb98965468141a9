/** Request and response of the forms actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FormsActions {}
