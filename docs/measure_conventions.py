"""Prints what OpenCV and SciPy give for the cases docs/conventions.md rests on.

Run with any python3 that has NumPy and SciPy; OpenCV's part runs where cv2 imports
(Debian: apt-get install python3-opencv). Compare the output with the "Measurements" table.
"""
import numpy as np
import scipy
import scipy.ndimage as nd
import scipy.signal as sg

try:
    import cv2
except ImportError:
    cv2 = None

print("numpy", np.__version__, "scipy", scipy.__version__, "opencv", cv2.__version__ if cv2 else "absent")
x = np.array([[1.0, 2, 3]])
w = np.array([[1.0, 2]])

if cv2 is not None:
    def filter2d(a, k, anchor=(-1, -1), border=cv2.BORDER_CONSTANT):
        return cv2.filter2D(np.float32(a), -1, np.float32(k), anchor=anchor, borderType=border).tolist()

    def true_convolution(a, k, border):
        # OpenCV's documented recipe: flip the kernel, move the anchor to (kw-1-kw//2, kh-1-kh//2)
        k = np.float32(k)
        kh, kw = k.shape
        return filter2d(a, cv2.flip(k, -1), (kw - 1 - kw // 2, kh - 1 - kh // 2), border)

    print("filter2D [[1,2,3]] * [[1,2]], zero border:", filter2d(x, w))
    print("true convolution, zero border:", true_convolution(x, w, cv2.BORDER_CONSTANT))
    row, k4 = [[1, 2, 3, 4, 5]], [[1, 2, 3, 4]]
    print("true convolution [[1..5]] * [[1,2,3,4]], default border:", true_convolution(row, k4, cv2.BORDER_REFLECT_101))
    print("filter2D [[1..5]] * [[1,2,3,4]], default border:", filter2d(row, k4, border=cv2.BORDER_REFLECT_101))
    for name in ["CONSTANT", "REFLECT_101", "REFLECT", "REPLICATE", "WRAP"]:
        padded = cv2.copyMakeBorder(np.float32([[1, 2, 3, 4]]), 0, 0, 2, 2, getattr(cv2, "BORDER_" + name))
        print("copyMakeBorder [1,2,3,4] by 2,", name + ":", padded.tolist())

print("signal.correlate2d same:", sg.correlate2d(x, w, "same").tolist())
print("signal.convolve2d same:", sg.convolve2d(x, w, "same").tolist())
print("ndimage.correlate, constant:", nd.correlate(x, w, mode="constant").tolist())
print("ndimage.convolve, constant:", nd.convolve(x, w, mode="constant").tolist())
print("ndimage.correlate [1,2,3,4] * [1,0,0], default mode:", nd.correlate(np.array([1.0, 2, 3, 4]), np.array([1.0, 0, 0])).tolist())
for mode in ["reflect", "mirror", "nearest", "wrap"]:
    out = nd.correlate1d(np.array([1.0, 2, 3, 4]), np.array([1.0, 0, 0, 0, 0]), mode=mode)
    print("ndimage.correlate1d [1,2,3,4] * [1,0,0,0,0], mode", mode + ":", out.tolist())
