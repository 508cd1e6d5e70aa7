/**
 * OpenCL backend of the batched backend contract, built on Aparapi kernels (issue "OpenCL backend with
 * Aparapi"). Not implemented yet: this module holds no classes, so {@code nash backends} does not list it.
 */
package dev.nashforge.opencl;
