package io.distributedjob.task;

/** What a task calls when it fires. */
public enum TaskType { HTTP, GRPC }
