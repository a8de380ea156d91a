export { envSchema, type Env } from './env.schema.js';
export { loadConfig, configFromEnvironment, ConfigError, type AppConfig, type DatabaseConfig, type MailConfig, type MatchingConfig, type QueueConfig } from './app-config.js';
export { ConfigModule, APP_CONFIG } from './config.module.js';
