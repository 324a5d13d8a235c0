import * as migration_20261122_183553_initial from './20261122_183553_initial';

export const migrations = [
  {
    up: migration_20261122_183553_initial.up,
    down: migration_20261122_183553_initial.down,
    name: '20261122_183553_initial'
  },
];
