// The part of the suite `npm test` runs a second time on PostgreSQL (scripts/test.mjs), each test
// file on a database of its own: the visibility rule and the leak matrix, access by role, the
// contributor write matrix, the editorial workflow and jobs (exactly once, two runners), media
// access, search, feeds, pages, slugs, validation, the wire import, uploads in object storage,
// the public change log (the pre-commit race) and a deployment of two `npm start` instances plus
// a worker (tests/e2e/two-instances.test.ts).
// Left out: tests of the embedded database itself (connections, write turns, crash, backup), of
// its SQLite migrations, and the browser tests of page quality, the admin and load, which test
// the app rather than the database; the README says so (Which databases CI exercises).
export const POSTGRES_TESTS = [
  'tests/integration/visibility-rule.test.ts',
  'tests/integration/release-access.test.ts',
  'tests/integration/collection-access.test.ts',
  'tests/integration/contributor-writes.test.ts',
  'tests/integration/editorial-workflow.test.ts',
  'tests/integration/sign-off.test.ts',
  'tests/integration/jobs-once.test.ts',
  'tests/integration/two-runners.test.ts',
  'tests/integration/media-access.test.ts',
  'tests/integration/delete-release.test.ts',
  'tests/integration/search.test.ts',
  'tests/integration/feeds.test.ts',
  'tests/integration/feed-standards.test.ts',
  'tests/integration/archive-pages.test.ts',
  'tests/integration/slug-history.test.ts',
  'tests/integration/date-precision.test.ts',
  'tests/integration/timeline-and-calendar.test.ts',
  'tests/integration/validation.test.ts',
  'tests/integration/wire-import.test.ts',
  'tests/integration/accounts.test.ts',
  'tests/integration/object-storage.test.ts',
  'tests/integration/public-changes.test.ts',
  'tests/e2e/leak-matrix.test.ts',
  'tests/e2e/two-instances.test.ts',
]
