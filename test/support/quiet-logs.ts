import { Logger } from '@nestjs/common';

// Drivers log through Nest's static logger; the tests assert on behaviour, so keep their output clean.
Logger.overrideLogger(false);
