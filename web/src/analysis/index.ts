/** The analysis views (trends, keyness, concordance, diff, profile, reconciliation) the app's router mounts. */
import "./analysis.css";
import { Concordance } from "./Concordance.js";
import { Diff } from "./Diff.js";
import { Keyness } from "./Keyness.js";
import { Profile } from "./Profile.js";
import { Reconcile } from "./Reconcile.js";
import { Trends } from "./Trends.js";

export interface AnalysisRoute {
  /** path under the app, e.g. "/trends" */
  path: string;
  /** label in the navigation */
  title: string;
  /** a React component rendered for the path; receives nothing, reads its state from the URL */
  component: () => unknown;
}

export const analysisRoutes: AnalysisRoute[] = [
  { path: "/trends", title: "Trends", component: Trends },
  { path: "/keyness", title: "Keyness", component: Keyness },
  { path: "/concordance", title: "Concordance", component: Concordance },
  { path: "/diff", title: "Diff", component: Diff },
  { path: "/profile", title: "Profiles", component: Profile },
  { path: "/reconcile", title: "Reconcile", component: Reconcile },
];
