import { Controller, Get, NotFoundException, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import * as path from 'node:path';
import { Public } from '../http/principal';
import { PageErrorFilter } from './page-error.filter';
import { GOVUK_DIST, STATIC_DIR } from './render';

const GOVUK = path.join(GOVUK_DIST, 'govuk');
const SAFE = /^[A-Za-z0-9._-]+$/;

/** govuk-frontend's stylesheet, fonts and images under /assets (only files of its dist folder), and the pages' scripts under /assets/app. */
@Public()
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('assets')
export class AssetsController {
  @Get('*path')
  asset(@Param('path') parts: string | string[], @Res() response: Response): void {
    const segments = Array.isArray(parts) ? parts : parts.split('/');
    if (segments.length === 0 || !segments.every((s) => SAFE.test(s) && s !== '..' && s !== '.')) throw new NotFoundException('no such asset');
    // /assets/app/<file>: the pages' own scripts; anything else is govuk-frontend's.
    const own = segments[0] === 'app' && segments.length === 2;
    const file = own ? (segments[1] as string) : segments.join('/');
    const root = own ? STATIC_DIR : file === 'govuk-frontend.min.css' ? GOVUK : path.join(GOVUK, 'assets');
    response.setHeader('Cache-Control', 'public, max-age=86400');
    response.sendFile(file, { root, dotfiles: 'deny' }, (error) => {
      if (error && !response.headersSent) response.status(404).type('text').send('Not found');
    });
  }
}
