#include "support/faulty_disk.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace gavel::test {

namespace {
constexpr std::size_t kSector = 512;

// One write or truncation not yet synced, with what it replaced.
struct Unsynced {
  bool truncation = false;
  sqlite3_int64 offset = 0;  // a truncation's new size
  std::string data;
  std::string before;        // the bytes it overwrote (a truncation: the tail it cut)
  sqlite3_int64 size_before = 0;
};
}  // namespace

struct FaultyDisk::State {
  sqlite3_vfs vfs{};
  sqlite3_vfs* real = nullptr;
  std::mutex mutex;
  std::mt19937_64 random;
  std::map<std::string, std::vector<Unsynced>> unsynced;  // by path
  std::size_t operations = 0;
  std::size_t cut_at = 0;  // 0: no cut planned
  bool cut = false;
  Refusal refusal = Refusal::none;
  Cut last;

  // Counts a write or sync; true when the power goes now.
  bool cuts_now() {
    ++operations;
    if (cut_at == 0 || operations < cut_at) return false;
    cut_power_locked();
    return true;
  }

  void cut_power_locked() {
    if (cut) return;
    Cut report;
    for (auto& [path, writes] : unsynced) {
      if (writes.empty()) continue;
      int fd = ::open(path.c_str(), O_RDWR);
      if (fd < 0) continue;
      // Back to what was synced: undo every write, newest first.
      for (auto it = writes.rbegin(); it != writes.rend(); ++it) {
        if (it->truncation) {
          (void)!::ftruncate(fd, it->size_before);
          (void)!::pwrite(fd, it->before.data(), it->before.size(), it->offset);
        } else {
          (void)!::pwrite(fd, it->before.data(), it->before.size(), it->offset);
        }
      }
      (void)!::ftruncate(fd, writes.front().size_before);
      // Then what reached the platter, in the order the drive chose.
      std::vector<std::size_t> order(writes.size());
      std::iota(order.begin(), order.end(), 0);
      std::shuffle(order.begin(), order.end(), random);
      for (std::size_t i : order) {
        const Unsynced& w = writes[i];
        ++report.unsynced;
        auto fate = random() % 4;  // half kept whole, a quarter lost, a quarter torn
        if (w.truncation) {
          if (fate < 2) {
            (void)!::ftruncate(fd, w.offset);
            ++report.kept;
          } else {
            ++report.dropped;
          }
        } else if (fate < 2) {
          (void)!::pwrite(fd, w.data.data(), w.data.size(), w.offset);
          ++report.kept;
        } else if (fate == 3 && w.data.size() > kSector) {
          std::size_t sectors = random() % (w.data.size() / kSector) + 1;
          (void)!::pwrite(fd, w.data.data(), std::min(w.data.size(), sectors * kSector), w.offset);
          ++report.torn;
        } else {
          ++report.dropped;
        }
      }
      ::close(fd);
    }
    unsynced.clear();
    last = report;
    cut = true;
  }
};

namespace {
using State = FaultyDisk::State;

struct File {
  sqlite3_file base;
  State* state;
  sqlite3_file* real;
  std::string* path;  // null for SQLite's nameless temporary files, which are not tracked
};

File* file_of(sqlite3_file* f) { return reinterpret_cast<File*>(f); }

int close_file(sqlite3_file* f) {
  File* file = file_of(f);
  int rc = file->real->pMethods ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
  sqlite3_free(file->real);
  delete file->path;
  return rc;
}

int read_file(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
  File* file = file_of(f);
  {
    std::lock_guard lock(file->state->mutex);
    if (file->state->cut) return SQLITE_IOERR_READ;
  }
  return file->real->pMethods->xRead(file->real, buffer, amount, offset);
}

sqlite3_int64 size_of(File* file) {
  sqlite3_int64 size = 0;
  if (file->real->pMethods->xFileSize(file->real, &size) != SQLITE_OK) return 0;
  return size;
}

std::string read_range(File* file, sqlite3_int64 offset, sqlite3_int64 size) {
  std::string bytes(static_cast<std::size_t>(std::max<sqlite3_int64>(size, 0)), '\0');
  if (!bytes.empty())
    (void)file->real->pMethods->xRead(file->real, bytes.data(), static_cast<int>(bytes.size()), offset);
  return bytes;
}

int write_file(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
  File* file = file_of(f);
  State& s = *file->state;
  std::lock_guard lock(s.mutex);
  if (s.cut || s.cuts_now()) return SQLITE_IOERR_WRITE;
  if (s.refusal == FaultyDisk::Refusal::read_only) return SQLITE_IOERR_WRITE;
  const sqlite3_int64 size = size_of(file);
  if (s.refusal == FaultyDisk::Refusal::full && offset + amount > size) return SQLITE_FULL;
  Unsynced w;
  if (file->path) {
    w.offset = offset;
    w.size_before = size;
    w.data.assign(static_cast<const char*>(data), static_cast<std::size_t>(amount));
    w.before = read_range(file, offset, std::min<sqlite3_int64>(amount, size - offset));
  }
  int rc = file->real->pMethods->xWrite(file->real, data, amount, offset);
  if (rc == SQLITE_OK && file->path) s.unsynced[*file->path].push_back(std::move(w));
  return rc;
}

int truncate_file(sqlite3_file* f, sqlite3_int64 new_size) {
  File* file = file_of(f);
  State& s = *file->state;
  std::lock_guard lock(s.mutex);
  if (s.cut || s.cuts_now()) return SQLITE_IOERR_TRUNCATE;
  if (s.refusal == FaultyDisk::Refusal::read_only) return SQLITE_IOERR_TRUNCATE;
  Unsynced t;
  if (file->path) {
    t.truncation = true;
    t.offset = new_size;
    t.size_before = size_of(file);
    t.before = read_range(file, new_size, t.size_before - new_size);
  }
  int rc = file->real->pMethods->xTruncate(file->real, new_size);
  if (rc == SQLITE_OK && file->path) s.unsynced[*file->path].push_back(std::move(t));
  return rc;
}

int sync_file(sqlite3_file* f, int flags) {
  (void)flags;
  File* file = file_of(f);
  State& s = *file->state;
  std::lock_guard lock(s.mutex);
  if (s.cut || s.cuts_now()) return SQLITE_IOERR_FSYNC;
  if (s.refusal == FaultyDisk::Refusal::read_only) return SQLITE_IOERR_FSYNC;
  // Durable from here on; no real fsync, so that hundreds of rounds stay fast.
  if (file->path) s.unsynced.erase(*file->path);
  return SQLITE_OK;
}

int file_size(sqlite3_file* f, sqlite3_int64* size) {
  File* file = file_of(f);
  {
    std::lock_guard lock(file->state->mutex);
    if (file->state->cut) return SQLITE_IOERR_FSTAT;
  }
  return file->real->pMethods->xFileSize(file->real, size);
}

// The rest goes straight to the real file.
int lock_file(sqlite3_file* f, int level) { return file_of(f)->real->pMethods->xLock(file_of(f)->real, level); }
int unlock_file(sqlite3_file* f, int level) { return file_of(f)->real->pMethods->xUnlock(file_of(f)->real, level); }
int check_reserved(sqlite3_file* f, int* out) {
  return file_of(f)->real->pMethods->xCheckReservedLock(file_of(f)->real, out);
}
int file_control(sqlite3_file* f, int op, void* arg) {
  return file_of(f)->real->pMethods->xFileControl(file_of(f)->real, op, arg);
}
int sector_size(sqlite3_file* f) { return file_of(f)->real->pMethods->xSectorSize(file_of(f)->real); }
int device_characteristics(sqlite3_file* f) {
  return file_of(f)->real->pMethods->xDeviceCharacteristics(file_of(f)->real);
}
int shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return file_of(f)->real->pMethods->xShmMap(file_of(f)->real, page, size, extend, out);
}
int shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return file_of(f)->real->pMethods->xShmLock(file_of(f)->real, offset, n, flags);
}
void shm_barrier(sqlite3_file* f) { file_of(f)->real->pMethods->xShmBarrier(file_of(f)->real); }
int shm_unmap(sqlite3_file* f, int delete_flag) {
  return file_of(f)->real->pMethods->xShmUnmap(file_of(f)->real, delete_flag);
}

// Version 2: shared memory for WAL, but no memory-mapped reads (xFetch),
// which would let SQLite read pages without asking this layer.
const sqlite3_io_methods kMethods = {
    2,           close_file,   read_file, write_file,    truncate_file, sync_file,     file_size,
    lock_file,   unlock_file,  check_reserved, file_control, sector_size, device_characteristics,
    shm_map,     shm_lock,     shm_barrier,    shm_unmap,    nullptr,     nullptr};

int open_file(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  State* s = static_cast<State*>(vfs->pAppData);
  File* file = file_of(f);
  file->base.pMethods = nullptr;
  {
    std::lock_guard lock(s->mutex);
    if (s->cut) return SQLITE_CANTOPEN;
    // As SQLite's own VFS does when the file system says EROFS: open read-only instead.
    if (s->refusal == FaultyDisk::Refusal::read_only && (flags & SQLITE_OPEN_READWRITE))
      flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
  }
  file->real = static_cast<sqlite3_file*>(sqlite3_malloc(s->real->szOsFile));
  if (!file->real) return SQLITE_NOMEM;
  std::memset(file->real, 0, static_cast<std::size_t>(s->real->szOsFile));
  int rc = s->real->xOpen(s->real, name, file->real, flags, out_flags);
  if (rc != SQLITE_OK) {
    if (file->real->pMethods) file->real->pMethods->xClose(file->real);
    sqlite3_free(file->real);
    return rc;
  }
  file->state = s;
  file->path = name ? new std::string(name) : nullptr;
  file->base.pMethods = &kMethods;
  return SQLITE_OK;
}

int delete_file(sqlite3_vfs* vfs, const char* name, int sync_dir) {
  State* s = static_cast<State*>(vfs->pAppData);
  std::lock_guard lock(s->mutex);
  if (s->cut || s->refusal == FaultyDisk::Refusal::read_only) return SQLITE_IOERR_DELETE;
  s->unsynced.erase(name);
  return s->real->xDelete(s->real, name, sync_dir);
}
}  // namespace

FaultyDisk::FaultyDisk(std::uint64_t seed) : state_(std::make_unique<State>()) {
  state_->random.seed(seed);
  state_->real = sqlite3_vfs_find(nullptr);
  if (!state_->real) throw std::runtime_error("SQLite has no default VFS");
  state_->vfs = *state_->real;
  state_->vfs.zName = "gavel-faulty-disk";
  state_->vfs.szOsFile = static_cast<int>(sizeof(File));
  state_->vfs.pAppData = state_.get();
  state_->vfs.pNext = nullptr;
  state_->vfs.xOpen = open_file;
  state_->vfs.xDelete = delete_file;
  if (sqlite3_vfs_register(&state_->vfs, 1) != SQLITE_OK) throw std::runtime_error("cannot register the VFS");
}

FaultyDisk::~FaultyDisk() {
  sqlite3_vfs_unregister(&state_->vfs);
  // The real VFS again by default, for the "restart".
  sqlite3_vfs_register(state_->real, 1);
}

void FaultyDisk::cut_power_after(std::size_t operations) {
  std::lock_guard lock(state_->mutex);
  state_->cut_at = state_->operations + std::max<std::size_t>(operations, 1);
}

void FaultyDisk::cut_power() {
  std::lock_guard lock(state_->mutex);
  state_->cut_power_locked();
}

bool FaultyDisk::power_is_cut() const {
  std::lock_guard lock(state_->mutex);
  return state_->cut;
}

FaultyDisk::Cut FaultyDisk::last_cut() const {
  std::lock_guard lock(state_->mutex);
  return state_->last;
}

void FaultyDisk::refuse_writes(Refusal refusal) {
  std::lock_guard lock(state_->mutex);
  state_->refusal = refusal;
}

std::size_t FaultyDisk::operations() const {
  std::lock_guard lock(state_->mutex);
  return state_->operations;
}

}  // namespace gavel::test
