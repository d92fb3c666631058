/* A small header found through -I or terralib.includepath. */
#define MYLIB_VERSION 3
typedef struct { int w, h; } mysize;
static inline int myarea(mysize s) { return s.w * s.h; }
#ifdef MYLIB_EXTRA
static inline int myextra(void) { return MYLIB_EXTRA; }
#endif
