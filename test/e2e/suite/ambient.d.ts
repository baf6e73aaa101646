// Declarations for the two modules index.ts imports that the project's own dependencies do not
// type: mocha (installed in the e2e tools directory, bundled by build-suite.mjs) and the list of
// test files that build-suite.mjs generates. Only what index.ts uses is declared.

declare module 'mocha' {
  interface MochaOptions {
    ui?: 'bdd' | 'tdd';
    reporter?: string;
    timeout?: number;
    slow?: number;
    color?: boolean;
    grep?: string | RegExp;
  }
  interface Runner {
    on(event: 'pass' | 'fail' | 'pending', listener: (test: { fullTitle(): string }) => void): this;
  }
  interface MochaSuite {
    emit(event: 'pre-require' | 'require' | 'post-require', context: unknown, file: string, mocha: Mocha): boolean;
  }
  class Mocha {
    constructor(options?: MochaOptions);
    suite: MochaSuite;
    run(done?: (failures: number) => void): Runner;
  }
  export default Mocha;
}

declare module 'e2e:tests' {
  /** The suite's *.test.ts files, in name order; `load` evaluates one (registering its tests). */
  export const testFiles: ReadonlyArray<{ file: string; load: () => unknown }>;
}
