import { describeError, reportProblem } from '../problems';

// WeChat's two calling styles for an asynchronous API: with success/fail/complete callbacks, or, when none is
// given, a promise. Results carry `errMsg: '<name>:ok'`; failures `errMsg: '<name>:fail <reason>'`.

export interface Callbacks<R> {
  success?: (result: R) => void;
  fail?: (error: WxError) => void;
  complete?: (result: R | WxError) => void;
}

export interface WxError {
  errMsg: string;
}

/** A refusal the Mini Program is meant to see, such as 'cancel' (the user closed a dialog). */
export class WxFailure extends Error {}

export type Options = Record<string, any>;

export function asyncApi<R extends object>(name: string, run: (options: Options) => Promise<R> | R) {
  return (options: Options & Callbacks<R & WxError> = {}): Promise<R & WxError> | undefined => {
    const outcome = Promise.resolve()
      .then(() => run(options))
      .then(
        (result) => ({ ...result, errMsg: `${name}:ok` }),
        (error: unknown) => {
          if (!(error instanceof WxFailure)) reportProblem(`wx.${name} failed in the preview: ${describeError(error)}`);
          throw { errMsg: `${name}:fail ${error instanceof Error ? error.message : String(error)}` } satisfies WxError;
        },
      );
    if (!options.success && !options.fail && !options.complete) return outcome;
    outcome.then(
      (result) => {
        options.success?.(result);
        options.complete?.(result);
      },
      (error: WxError) => {
        options.fail?.(error);
        options.complete?.(error);
      },
    );
    return undefined;
  };
}
