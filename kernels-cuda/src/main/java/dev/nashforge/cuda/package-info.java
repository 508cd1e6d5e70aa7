/**
 * CUDA backend of the batched backend contract: CUDA C kernels compiled by nvcc into a committed fatbin and
 * launched through the JCuda driver API (issue "CUDA backend with JCuda"). Not implemented yet: this module
 * holds no classes, so {@code nash backends} does not list it.
 */
package dev.nashforge.cuda;
