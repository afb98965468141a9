// Dates in tests mean China time only where the code says so: run the suite in UTC so a forgotten
// time-zone conversion shows up as a failure instead of passing by accident on a machine set to Shanghai.
module.exports = async () => {
  process.env.TZ = 'UTC';
};
