// The one list of resource kinds. The sdk's seams, the provider entry's handler objects and the
// ownership records' types all come from here: a new resource is one line in this list (and its
// definition file).
import { cdnHttpsConfig } from "./cdnHttpsConfig/definition";
import { freeCertificate } from "./freeCertificate/definition";
import { freeCertificateValidation } from "./freeCertificateValidation/definition";
import { liveCertificate } from "./liveCertificate/definition";
import { liveDomainBinding } from "./liveDomainBinding/definition";

/** Keyed by the name the seam looks up (`require(".../provider")[kind]`): a public contract with existing state. */
export const RESOURCES = { cdnHttpsConfig, liveCertificate, liveDomainBinding, freeCertificate, freeCertificateValidation } as const;

export type ResourceKind = keyof typeof RESOURCES;
export const RESOURCE_KINDS = Object.keys(RESOURCES) as ResourceKind[];
