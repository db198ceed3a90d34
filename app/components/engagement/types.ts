import type { SerializeFrom } from "@remix-run/node";
import type { EngagementView } from "~/models/engagement-view.server";

/** The engagement page's read model as the browser receives it. */
export type View = SerializeFrom<EngagementView>;
export type ViewEngagement = View["engagement"];
export type ViewMilestone = ViewEngagement["milestones"][number];
