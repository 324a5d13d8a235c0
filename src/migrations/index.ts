import * as migration_20261122_184550_initial from './20261122_184550_initial';

export const migrations = [
  {
    up: migration_20261122_184550_initial.up,
    down: migration_20261122_184550_initial.down,
    name: '20261122_184550_initial'
  },
];
