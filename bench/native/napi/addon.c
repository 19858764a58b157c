/* A minimal N-API addon with the three call shapes mlir-ffi uses (an f64
 * handle in and out, a typed array argument, a C loop calling a JS function),
 * hand-written so bench/ffi_runtime.bench.ts can price koffi against the
 * cheapest binding Node offers. Benchmark-only; never shipped. Built by
 * build.sh beside it with the system's Node headers. */
#include <node_api.h>
#include <stdint.h>

static napi_value f64(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  double h = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_value_double(env, argv[0], &h);
  napi_value out;
  napi_create_double(env, h, &out);
  return out;
}

static napi_value buffer(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  void *data = NULL;
  size_t length = 0;
  napi_get_typedarray_info(env, argv[0], NULL, &length, &data, NULL, NULL);
  uint32_t n = 0;
  napi_get_value_uint32(env, argv[1], &n);
  napi_value out;
  napi_create_double(env, n && length ? ((const uint8_t *)data)[0] : 0, &out);
  return out;
}

/* call_back(fn, n): calls fn(0, i, 0, 0) n times, as the dispatcher is called. */
static napi_value call_back(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  int32_t n = 0;
  napi_get_value_int32(env, argv[1], &n);
  napi_value global, zero, a[4], r;
  napi_get_global(env, &global);
  napi_create_int32(env, 0, &zero);
  double sum = 0;
  for (int32_t i = 0; i < n; i++) {
    a[0] = zero;
    napi_create_int32(env, i, &a[1]);
    napi_create_double(env, 0, &a[2]);
    a[3] = a[2];
    if (napi_call_function(env, global, argv[0], 4, a, &r) != napi_ok) break;
    int32_t v = 0;
    napi_get_value_int32(env, r, &v);
    sum += v;
  }
  napi_value out;
  napi_create_double(env, sum, &out);
  return out;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
    {"f64", NULL, f64, NULL, NULL, NULL, napi_default, NULL},
    {"buffer", NULL, buffer, NULL, NULL, NULL, napi_default, NULL},
    {"callBack", NULL, call_back, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, 3, props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
