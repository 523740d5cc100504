// Empty: the test harness finds an extension by its service worker.
