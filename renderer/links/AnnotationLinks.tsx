/** An annotation's links to annotations in any document (supports, contradicts, same-as), both ends shown. */
import type { JSX } from 'react';
import type { Annotation, SourceDocument } from '../../shared/model';
import type { CrosscheckDatabase } from '../store/database';
import type { DocumentPlace } from '../app/navigation';

export interface AnnotationLinksProps {
  db: CrosscheckDatabase;
  annotation: Annotation;
  documents: ReadonlyMap<string, SourceDocument>;
  author: string;
  onOpenInDocument(place: DocumentPlace): void;
}

export function AnnotationLinks(_props: AnnotationLinksProps): JSX.Element | null {
  return null;
}
