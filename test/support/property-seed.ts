import fc from "fast-check";

// Property tests draw fresh random cases on every local run (that is how they find bugs),
// but CI must give the same verdict on the same commit: a red CI decides whether work
// lands, so there it replays one fixed seed. FC_SEED replays any seed a failure printed
// (add FC_PATH for the shrunk case); `npm run soak:properties` runs many random seeds.
const fixed = process.env.FC_SEED ?? (process.env.CI ? "20261202" : undefined);
if (process.env.FC_RUNS) fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: Number(process.env.FC_RUNS) });
if (fixed !== undefined) {
  fc.configureGlobal({
    ...fc.readConfigureGlobal(),
    seed: Number(fixed),
    ...(process.env.FC_PATH ? { path: process.env.FC_PATH, endOnFailure: true } : {}),
  });
}
