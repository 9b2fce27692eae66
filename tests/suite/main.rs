//! The integration suite: one binary over the seeds and the fixture cases
//! in `tests/cases/`.

mod bad_input;
mod big_input;
mod cases;
mod categories;
mod check;
mod corpus;
mod explain;
mod history;
mod hostile;
mod incremental;
mod kill;
mod layout;
mod listing;
mod project;
mod references;
mod related;
mod reproducible;
mod search;
mod seeds;
mod serve;
mod site;
mod support;
