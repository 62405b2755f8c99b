/** The fold used for the stored search key of every name. */
import { basicFold } from '../core/text.js';

export const defaultFold: (name: string) => string = basicFold;
