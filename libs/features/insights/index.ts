export { InsightsModule } from './insights.module.js';
export { InsightsGraphqlModule } from './graphql/insights-graphql.module.js';
