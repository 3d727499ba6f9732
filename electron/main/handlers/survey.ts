import type { surveyChannels } from '../../../shared/ipc/survey.ts';
import { MAX_SURVEY_BYTES } from '../../../shared/ipc/survey.ts';
import { SurveyService } from '../../services/survey-service.ts';
import type { AppContext, HandlersOf } from './context.ts';
import { withPickedFile } from './files.ts';

const FILE_LIMIT = { max: MAX_SURVEY_BYTES, tooLarge: 'surveyui.too_large' };

/** The survey of the open Home Affairs workspace, in the window's language. */
export const surveyOf = (ctx: AppContext) => {
  const { ws, lang } = ctx.service.entryContext;
  return new SurveyService({ ws, lang });
};

export const surveyHandlers: HandlersOf<keyof typeof surveyChannels> = {
  'survey:form': (input, ctx) => surveyOf(ctx).form(input.mode, ctx.saveFile),
  'survey:preview': (input, ctx) => withPickedFile(ctx, {}, input.file, FILE_LIMIT, (path, name) => surveyOf(ctx).preview(path, name)),
  'survey:store': (input, ctx) => withPickedFile(ctx, {}, input.file, FILE_LIMIT, (path) => surveyOf(ctx).store(path)),
  'survey:scores': (input, ctx) => surveyOf(ctx).scores(input.agency),
};
