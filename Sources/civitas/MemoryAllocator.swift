/// Keeps freed memory in the process instead of handing it back to the system after every request.
///
/// glibc returns the top of a thread's heap to the kernel as soon as more than 128 KiB is free
/// there (and serves blocks over 128 KiB with their own `mmap`). A request that builds a page
/// allocates and frees far more than that, so under load every request faulted its memory back
/// in: about a fifth of the server's time on an uncached person page (BENCHMARKS.md). Fixed
/// thresholds keep the memory of the busiest moments, bounded by what those moments needed.
enum MemoryAllocator {
    static func keepFreedMemory() {
        #if os(Linux)
        _ = glibcMallopt(mallocTrimThreshold, 256 << 20)
        _ = glibcMallopt(mallocMmapThreshold, 32 << 20)
        #endif
    }
}

#if os(Linux)
// `mallopt` and its parameters come from <malloc.h>, which the Glibc module does not export.
@_silgen_name("mallopt") private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
private let mallocTrimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
private let mallocMmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
#endif
