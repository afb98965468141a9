/** Request and response of the inspection actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InspectionActions {}
