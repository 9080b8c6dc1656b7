export {
  runChromiumStage,
  type ChromiumStageInput,
  type ChromiumStageRun,
  type ChromiumTemplateId,
} from './run.js';
export {
  chromiteFeedStream,
  ferrochromeFeedStream,
  type ChromiumFeed,
  type ChromiteFeed as ChromiumChromiteFeed,
  type FerrochromeFeed,
} from './feed.js';
export { CHROMIUM_TEMPLATES, type ChromiumTemplate, type ReagentFeed } from './templates.js';
