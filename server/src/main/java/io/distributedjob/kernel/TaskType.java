package io.distributedjob.kernel;

/** What a task calls when it fires. */
public enum TaskType { HTTP, GRPC }
