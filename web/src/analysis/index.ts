/** The analysis views (trends, keyness, concordance, diff, profile, reconciliation) the app's router mounts. */
export interface AnalysisRoute {
  /** path under the app, e.g. "/trends" */
  path: string;
  /** label in the navigation */
  title: string;
  /** a React component rendered for the path; receives nothing, reads its state from the URL */
  component: () => unknown;
}

export const analysisRoutes: AnalysisRoute[] = [];
