/**
 * Pass managers: pipelines from text or built step by step, IR printing and
 * timing, passes and rewrite patterns written in TypeScript, and running
 * them with every handle the run may invalidate told so.
 *
 * May import: everything below it (`src/base/` through `src/ir/`); and, for
 * types only, `src/context.ts`.
 *
 * @module
 */
export { type IRPrintingOptions, OpPassManager, PassManager, type PassOptions, type StatisticsDisplay } from "./pass_manager.ts";
export type { PassContext, PassFunction, TypeScriptPassOptions } from "./typescript_pass.ts";
export {
  applyPatternsGreedily,
  FrozenRewritePatternSet,
  type GreedyRewriteConfig,
  PatternError,
  type PatternFunction,
  PatternRewriter,
  RewritePatternSet,
  walkAndApplyPatterns,
} from "./rewrite_patterns.ts";
export { type PDLFunction, PDLModule, PDLResultList, type PDLValue } from "./pdl_patterns.ts";
export type { RewriterUse } from "./pattern_rewriter.ts";
