import { Controller, Get, NotFoundException, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import * as path from 'node:path';
import { Public } from '../http/principal';
import { PageErrorFilter } from './page-error.filter';
import { GOVUK_DIST } from './render';

const GOVUK = path.join(GOVUK_DIST, 'govuk');
const SAFE = /^[A-Za-z0-9._-]+$/;

/** govuk-frontend's stylesheet, fonts and images under /assets (only files of its dist folder). */
@Public()
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('assets')
export class AssetsController {
  @Get('*path')
  asset(@Param('path') parts: string | string[], @Res() response: Response): void {
    const segments = Array.isArray(parts) ? parts : parts.split('/');
    if (segments.length === 0 || !segments.every((s) => SAFE.test(s) && s !== '..' && s !== '.')) throw new NotFoundException('no such asset');
    const file = segments.join('/');
    const root = file === 'govuk-frontend.min.css' ? GOVUK : path.join(GOVUK, 'assets');
    response.setHeader('Cache-Control', 'public, max-age=86400');
    response.sendFile(file, { root, dotfiles: 'deny' }, (error) => {
      if (error && !response.headersSent) response.status(404).type('text').send('Not found');
    });
  }
}
